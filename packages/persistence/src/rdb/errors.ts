export class RdbFormatError extends Error { constructor(message: string) { super(message); this.name = 'RdbFormatError'; } }
