// Kernel functions: see ../attention-kernel.ts for their contracts.
