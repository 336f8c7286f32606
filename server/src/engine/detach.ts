// V8 keeps the whole string a slice was cut from: a report's agency or a
// message quoting a cell can hold the full text of its file alive. What
// outlives a file's check (results kept for the end of the run, the first
// pass's identities, the engine's memo keys) is copied so that memory does
// not grow with the files.

/** A copy of `s` that shares no memory with the text it came from. */
export function detached(s: string): string {
  // JSON round-trips every string exactly (lone surrogates included) and always builds a new one.
  return JSON.parse(JSON.stringify(s)) as string;
}
