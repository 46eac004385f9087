/**
 * What an UpdateItem (or a transaction's Update) does, read back from its expression: the attributes it sets
 * with their values, and the ones it removes. Only the SET a = :v and REMOVE a forms our repositories write.
 */
export interface UpdateLike {
  UpdateExpression?: string | undefined;
  ExpressionAttributeNames?: Record<string, string> | undefined;
  ExpressionAttributeValues?: Record<string, unknown> | undefined;
}

export function effectOf(u: UpdateLike | undefined): { set: Record<string, unknown>; remove: string[] } {
  if (!u?.UpdateExpression) throw new Error('not an update');
  const name = (n: string) => u.ExpressionAttributeNames?.[n] ?? n;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const [, setPart = '', removePart = ''] = /^(?:SET (.*?))?(?: ?REMOVE (.*))?$/.exec(u.UpdateExpression.trim()) ?? [];
  for (const clause of setPart.split(',').map((c) => c.trim()).filter(Boolean)) {
    const [lhs, rhs] = clause.split('=').map((x) => x.trim());
    set[name(lhs!)] = rhs!.startsWith(':') ? u.ExpressionAttributeValues?.[rhs!] : rhs;
  }
  for (const r of removePart.split(',').map((c) => c.trim()).filter(Boolean)) remove.push(name(r));
  return { set, remove };
}
