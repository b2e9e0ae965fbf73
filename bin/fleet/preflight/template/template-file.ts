import { readFileSync } from 'node:fs';
import { FleetError } from '../../errors';

/** Reads a synthesized template (JSON, as `cdk synth` writes it to cdk.out/). Problems are usage errors. */
export function readTemplateFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new FleetError('usage', `cannot read --template ${path}: ${why}. Run 'cdk synth' first; templates are in cdk.out/.`, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as { message?: unknown } | null)?.message;
    throw new FleetError('usage', `--template ${path} is not JSON (${typeof detail === 'string' ? detail : 'parse error'}); `
      + 'use the .template.json that cdk synth writes to cdk.out/.', error);
  }
}
