// Kernel functions: see ../convolution-kernel.ts for their contracts.
