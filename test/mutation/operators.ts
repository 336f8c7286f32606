// The mutation operators of `npm run mutate`: where a TypeScript source can be
// changed so that a wrong figure or a missed finding could result, and into
// what. Each mutant replaces one node's text; its children keep their original
// text (instrument.ts switches mutants on one at a time).
//
// The operators follow StrykerJS's names where they overlap. Left out on
// purpose: string literals (the wording of messages, which the rule tests pin
// where it carries a figure) and object literals; kept and added: numeric
// literals + 1 (the off-by-one a checker of sums must never accept) and regular
// expressions that never match (a keyword pattern lost is a finding missed).
import ts from 'typescript';

export interface Site {
  /** Operator name (StrykerJS's where it has one). */
  operator: string;
  /** The node whose text is replaced: from its first token (no leading trivia) to its end. */
  start: number;
  end: number;
  /** The node's original text and its replacement (children as written). */
  original: string;
  replacement: string;
  /** Statement removal wraps the statement in `if (…) { … }` rather than an expression in a conditional. */
  statement?: boolean;
}

const EQUALITY: Record<string, string[]> = {
  '<': ['<=', '>='],
  '<=': ['<', '>'],
  '>': ['>=', '<='],
  '>=': ['>', '<'],
  '===': ['!=='],
  '!==': ['==='],
  '==': ['!='],
  '!=': ['=='],
};
const ARITHMETIC: Record<string, string> = { '+': '-', '-': '+', '*': '/', '/': '*', '%': '*' };
const LOGICAL: Record<string, string> = { '&&': '||', '||': '&&', '??': '&&' };
const ASSIGNMENT: Record<string, string> = { '+=': '-=', '-=': '+=', '*=': '/=', '/=': '*=', '&&=': '||=', '||=': '&&=', '??=': '&&=' };
const METHOD_SWAP: Record<string, string> = {
  some: 'every', every: 'some', startsWith: 'endsWith', endsWith: 'startsWith', min: 'max', max: 'min',
  trimStart: 'trimEnd', trimEnd: 'trimStart', indexOf: 'lastIndexOf', lastIndexOf: 'indexOf', find: 'findLast', findLast: 'find',
};
/** Calls whose removal leaves the receiver: x.filter(f) → x. */
const METHOD_DROP = new Set(['filter', 'trim', 'trimStart', 'trimEnd', 'reverse', 'sort', 'slice', 'normalize', 'toLowerCase', 'toUpperCase']);

function isTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return true;
  }
  return false;
}

/** Targets of assignment (x = …, x += …, x++): never replaced by an expression. */
function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) || ts.isSpreadElement(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
    // Destructuring patterns written as literals ([a, b] = …): only when the literal is itself a target.
    return isAssignmentTarget(p);
  }
  return false;
}

function isNumeric(checker: ts.TypeChecker, node: ts.Expression): boolean {
  const t = checker.getTypeAtLocation(node);
  return (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) !== 0;
}

/** The text of `node` with the span [a, b) (absolute offsets) replaced by `by`. */
function splice(text: string, node: ts.Node, a: number, b: number, by: string): string {
  const start = node.getStart();
  return text.slice(start, a) + by + text.slice(b, node.end);
}

function conditionOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) return ts.isIfStatement(node) ? node.expression : node.condition;
  return undefined;
}

export function sitesOf(source: ts.SourceFile, checker: ts.TypeChecker): Site[] {
  const text = source.text;
  const out: Site[] = [];
  const add = (operator: string, node: ts.Node, replacement: string, statement = false) => {
    const original = text.slice(node.getStart(), node.end);
    if (replacement === original) return;
    out.push({ operator, start: node.getStart(), end: node.end, original, replacement, statement });
  };

  const visit = (node: ts.Node): void => {
    if (isTypePosition(node)) return;
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.getText();
      // Operands in parentheses: the new operator may bind differently (a ?? b ?? c with ?? → && would not parse).
      const left = text.slice(node.left.getStart(), node.left.end);
      const right = text.slice(node.right.getStart(), node.right.end);
      const binary = (to: string) => `(${left}) ${to} (${right})`;
      for (const to of EQUALITY[op] ?? []) add('EqualityOperator', node, binary(to));
      if (ARITHMETIC[op] && !(op === '+' && !(isNumeric(checker, node.left) && isNumeric(checker, node.right)))) add('ArithmeticOperator', node, binary(ARITHMETIC[op]));
      if (LOGICAL[op]) add('LogicalOperator', node, binary(LOGICAL[op]));
      if (ASSIGNMENT[op] && !(op === '+=' && !isNumeric(checker, node.left))) add('AssignmentOperator', node, `${left} ${ASSIGNMENT[op]} (${right})`);
    }
    const condition = conditionOf(node);
    if (condition && !isAssignmentTarget(condition)) {
      add('ConditionalExpression', condition, 'true');
      add('ConditionalExpression', condition, 'false');
    }
    if (ts.isWhileStatement(node) || ts.isDoStatement(node)) add('ConditionalExpression', node.expression, 'false');
    if (ts.isForStatement(node) && node.condition) add('ConditionalExpression', node.condition, 'false');
    if (node.kind === ts.SyntaxKind.TrueKeyword && !isAssignmentTarget(node)) add('BooleanLiteral', node, 'false');
    if (node.kind === ts.SyntaxKind.FalseKeyword && !isAssignmentTarget(node)) add('BooleanLiteral', node, 'true');
    if (ts.isPrefixUnaryExpression(node)) {
      if (node.operator === ts.SyntaxKind.ExclamationToken) add('BooleanLiteral', node, text.slice(node.operand.getStart(), node.operand.end));
      if (node.operator === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand)) add('UnaryOperator', node, text.slice(node.operand.getStart(), node.operand.end));
      if (node.operator === ts.SyntaxKind.PlusPlusToken) add('UpdateOperator', node, '--' + text.slice(node.operand.getStart(), node.operand.end));
      if (node.operator === ts.SyntaxKind.MinusMinusToken) add('UpdateOperator', node, '++' + text.slice(node.operand.getStart(), node.operand.end));
    }
    if (ts.isPostfixUnaryExpression(node)) {
      const operand = text.slice(node.operand.getStart(), node.operand.end);
      add('UpdateOperator', node, operand + (node.operator === ts.SyntaxKind.PlusPlusToken ? '--' : '++'));
    }
    if (ts.isNumericLiteral(node) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node) && !ts.isEnumMember(node.parent)) {
      const v = Number(node.text);
      if (Number.isFinite(v) && !ts.isElementAccessExpression(node.parent)) {
        const show = (n: number) => (Math.abs(n) < 1e-6 && n !== 0 ? n.toExponential() : String(n));
        add('NumberLiteral', node, show(v + 1));
      }
    }
    if (ts.isRegularExpressionLiteral(node)) {
      const flags = node.text.slice(node.text.lastIndexOf('/') + 1);
      add('Regex', node, `/(?!)/${flags}`);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name;
      const swap = METHOD_SWAP[name.text];
      if (swap) add('MethodExpression', node, splice(text, node, name.getStart(), name.end, swap));
      if (METHOD_DROP.has(name.text)) add('MethodExpression', node, text.slice(node.expression.expression.getStart(), node.expression.expression.end));
    }
    if (ts.isArrayLiteralExpression(node) && node.elements.length > 0 && !isAssignmentTarget(node)) {
      add('ArrayDeclaration', node, '[]');
    }
    if (ts.isExpressionStatement(node) && (ts.isCallExpression(node.expression) || ts.isBinaryExpression(node.expression) || ts.isPostfixUnaryExpression(node.expression) || ts.isPrefixUnaryExpression(node.expression))) {
      add('StatementRemoval', node, '', true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
