/**
 * Responses must not reveal where the service lives on disk. Messages that come
 * from the filesystem side (index verification, model loading) name files by
 * absolute path, which is right for the operator's log and wrong for a client.
 */
/** "/srv/app/index/abc/manifest.json is not valid JSON" → "manifest.json is not valid JSON". */
export function withoutPaths(message: string): string {
  return message.replace(/(?<=^|[\s'"`(])(?:[A-Za-z]:)?[\\/][^\s'"`,;()]*/g, (path) => {
    const parts = path.split(/[\\/]/).filter(Boolean);
    return parts[parts.length - 1] ?? "";
  });
}
