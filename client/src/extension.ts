// placeholder: replaced by the VS Code client
export function activate(): void {}
export function deactivate(): void {}
