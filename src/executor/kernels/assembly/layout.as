// Kernel functions: see ../layout-kernel.ts for their contracts.
