// Exact sums and differences of figures as they are written. Money cells have
// decimals (4068.208 万元) and binary floating point gets 4068.208 − 3000.1
// wrong in the last digit; a figure's shortest decimal form (what String()
// gives, and what the report wrote) is added as whole numbers instead.

function scaled(n: number): { digits: bigint; scale: number } | undefined {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  return { digits: BigInt(m[1] + m[2] + (m[3] ?? '')), scale: (m[3] ?? '').length };
}

/** a − b, exact for figures with up to 15 significant digits (anything a report writes). */
export function decimalSubtract(a: number, b: number): number {
  if (Number.isInteger(a) && Number.isInteger(b)) return a - b;
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y) return a - b;
  const scale = Math.max(x.scale, y.scale);
  const diff = x.digits * 10n ** BigInt(scale - x.scale) - y.digits * 10n ** BigInt(scale - y.scale);
  const neg = diff < 0n;
  const digits = (neg ? -diff : diff).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number((neg ? '-' : '') + text);
}
