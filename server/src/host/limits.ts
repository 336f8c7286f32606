// Limits every front end applies to files it reads, in one place.

/**
 * Default of `maxFileSize` (bytes, as stored): larger files are not read or
 * analysed by `nianbao check`, `data`, `diff`, the editor or its workspace
 * index. `.nianbaorc.json` and the `nianbao.maxFileSize` setting override it.
 */
export const MAX_FILE_SIZE = 10 * 1024 * 1024;
