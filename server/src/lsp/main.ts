// placeholder: replaced by the language server
console.error('nianbao language server: not built yet');
