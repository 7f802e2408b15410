// A structural check of the SARIF 2.1.0 fields Herd emits and code-scanning services require (no schema download).
type Json = Record<string, unknown>;

const LEVELS = new Set(['none', 'note', 'warning', 'error']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Every violation found, as readable lines; empty when the log is well formed. */
export function sarifProblems(log: unknown): string[] {
  const errors: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) errors.push(what);
  };
  if (!isObject(log)) return ['log is not an object'];
  need(log.$schema === 'https://json.schemastore.org/sarif-2.1.0.json', '$schema');
  need(log.version === '2.1.0', 'version');
  const runs = log.runs;
  if (!Array.isArray(runs) || runs.length !== 1 || !isObject(runs[0])) return [...errors, 'runs must hold one run'];
  const run = runs[0];
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  if (!driver) return [...errors, 'tool.driver'];
  need(driver.name === 'herd', 'driver.name');
  need(nonEmpty(driver.version), 'driver.version');
  need(nonEmpty(driver.informationUri) && /^https:\/\//.test(driver.informationUri as string), 'driver.informationUri');
  const rules = Array.isArray(driver.rules) ? driver.rules : [];
  need(Array.isArray(driver.rules), 'driver.rules');
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    if (!isObject(r)) return errors.push(`rules[${i}] is not an object`);
    need(nonEmpty(r.id) && !ids.has(r.id as string), `rules[${i}].id missing or repeated`);
    ids.add(r.id as string);
    need(nonEmpty(r.name), `rules[${i}].name`);
    need(isObject(r.shortDescription) && nonEmpty(r.shortDescription.text), `rules[${i}].shortDescription.text`);
    need(nonEmpty(r.helpUri) && /^https:\/\//.test(r.helpUri as string), `rules[${i}].helpUri`);
    need(isObject(r.defaultConfiguration) && LEVELS.has(r.defaultConfiguration.level as string), `rules[${i}].defaultConfiguration.level`);
  });
  const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  for (const [name, base] of Object.entries(bases)) {
    need(isObject(base) && nonEmpty(base.uri) && /^file:\/\/.*\/$/.test(base.uri as string), `originalUriBaseIds.${name}.uri must be an absolute folder URI`);
  }
  const results = Array.isArray(run.results) ? run.results : [];
  need(Array.isArray(run.results), 'run.results');
  results.forEach((res, i) => {
    const at = `results[${i}]`;
    if (!isObject(res)) return errors.push(`${at} is not an object`);
    const rule = Number.isInteger(res.ruleIndex) ? rules[res.ruleIndex as number] : undefined;
    need(isObject(rule) && rule.id === res.ruleId, `${at}.ruleIndex does not point at ruleId`);
    need(LEVELS.has(res.level as string), `${at}.level`);
    need(isObject(res.message) && nonEmpty(res.message.text), `${at}.message.text`);
    const locations = Array.isArray(res.locations) ? res.locations : [];
    need(locations.length > 0, `${at}.locations`);
    locations.forEach((loc, j) => {
      const phys = isObject(loc) && isObject(loc.physicalLocation) ? loc.physicalLocation : undefined;
      const artifact = phys && isObject(phys.artifactLocation) ? phys.artifactLocation : undefined;
      const region = phys && isObject(phys.region) ? phys.region : undefined;
      if (!artifact || !region) return errors.push(`${at}.locations[${j}] needs artifactLocation and region`);
      need(nonEmpty(artifact.uri), `${at}.locations[${j}].artifactLocation.uri`);
      if (artifact.uriBaseId !== undefined) {
        need(typeof artifact.uriBaseId === 'string' && artifact.uriBaseId in bases, `${at}.locations[${j}].uriBaseId is not in originalUriBaseIds`);
        need(!/^[a-z]+:/i.test(artifact.uri as string) && !(artifact.uri as string).startsWith('/'), `${at}.locations[${j}].uri must be relative to its base`);
      } else need(/^file:\/\//.test(artifact.uri as string), `${at}.locations[${j}].uri must be absolute without a base`);
      const { startLine, startColumn, endLine, endColumn } = region;
      need([startLine, startColumn, endLine, endColumn].every(isPositiveInt), `${at}.locations[${j}].region must be 1-based integers`);
      need((endLine as number) > (startLine as number) || ((endLine as number) === (startLine as number) && (endColumn as number) >= (startColumn as number)), `${at}.locations[${j}].region ends before it starts`);
    });
  });
  return errors;
}
