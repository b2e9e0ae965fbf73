/**
 * `npm run check:samples`: every TypeScript sample compiles against the library (lib/index.ts, as the package name
 * resolves), and the check is not blind.
 *
 * Writes the samples (scripts/samples/samples.ts: the README's examples by section, the code `sagemaker-fleet
 * recommend` and `export` generate) to .samples/ (gitignored) and type-checks them in one incremental program with
 * tsconfig.samples.json, canaries included: a sample must have no diagnostic (README examples may leave values
 * unused), a canary exactly the diagnostics it expects. Unchanged files are not checked again on the next run.
 * Exits 1 with `README.md:LINE:COL (section "...") TSnnnn message` lines (`recommend/endpoint.ts:...` for generated
 * code) on any problem.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { canaries, Sample, samples } from './samples/samples';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.samples');
const CONFIG = path.join(ROOT, 'tsconfig.samples.json');
/** "declared but never read/used" diagnostics, allowed in README examples. */
const UNUSED = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205]);

/** Writes each sample under OUT (only when changed, so the incremental check skips it) and removes stale ones. */
function write(all: Sample[]): Map<string, Sample> {
  const byFile = new Map(all.map((s) => [path.join(OUT, s.file), s]));
  for (const [file, sample] of byFile) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== sample.text) fs.writeFileSync(file, sample.text);
  }
  for (const entry of fs.readdirSync(OUT, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && file.endsWith('.ts') && !byFile.has(file)) fs.rmSync(file);
  }
  return byFile;
}

/** The diagnostics of the program, formatted with where each sample's lines come from. */
function typeCheck(byFile: Map<string, Sample>): { general: string[]; bySample: Map<Sample, string[]> } {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  const rootNames = [...new Set([...parsed.fileNames.map((f) => path.resolve(f)), ...byFile.keys()])];
  const program = ts.createIncrementalProgram({ rootNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(),
  ];
  program.emit(); // noEmit: writes only the incremental build information
  const general: string[] = [];
  const bySample = new Map<Sample, string[]>();
  for (const d of diagnostics) {
    const message = `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    const sample = d.file && byFile.get(path.resolve(d.file.fileName));
    if (!d.file || !sample) {
      general.push(d.file ? `${path.relative(ROOT, d.file.fileName)}: ${message}` : message);
      continue;
    }
    if (sample.unusedAllowed && UNUSED.has(d.code)) continue;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    bySample.set(sample, [...bySample.get(sample) ?? [], `${sample.where(line + 1, character + 1)}: ${message}`]);
  }
  return { general, bySample };
}

/** Problems: a diagnostic in a sample, a canary without exactly its expected diagnostics. */
export function checkSamples(): { problems: string[]; samples: number; canaries: number } {
  const good = samples();
  const bad = canaries();
  const { general, bySample } = typeCheck(write([...good, ...bad]));
  const problems = [...general, ...good.flatMap((s) => bySample.get(s) ?? [])];
  for (const canary of bad) {
    const found = bySample.get(canary) ?? [];
    const expected = canary.expected ?? [];
    const matched = expected.every((e) => found.filter((f) => e.test(f)).length === 1) && found.length === expected.length;
    if (!matched) {
      problems.push(`canary ${canary.file}: expected exactly ${expected.map(String).join(', ')}; got ${found.length ? found.join(' | ') : 'no diagnostic'}`);
    }
  }
  return { problems, samples: good.length, canaries: bad.length };
}

if (require.main === module) {
  const started = Date.now();
  const result = checkSamples();
  if (result.problems.length > 0) {
    process.stderr.write(`check:samples: ${result.problems.length} problem(s)\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
    process.exit(1);
  }
  process.stdout.write(`check:samples: ${result.samples} samples compile, ${result.canaries} canaries reported (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
