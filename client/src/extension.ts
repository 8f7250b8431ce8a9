// Placeholder: the extension client is written in its own module set.
export function activate(): void {}
export function deactivate(): void {}
