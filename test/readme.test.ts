import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ts from 'typescript';
import { name as PACKAGE_NAME } from '../package.json';
import { Model } from '../lib';
import { testStack } from './util';

/*
 * The README's TypeScript examples compile against the library and synthesize.
 *
 * Every ```ts block is checked. The blocks of one `## ` section form one program, in README order, so a block may use
 * what an earlier block of its section declared (`stack`, `fp16`, `endpoint`...). Imports and `declare const`
 * repeated by a later block of the same section are dropped. Each section is laid out in a virtual file at the same
 * line numbers as in README.md, so diagnostics point at README lines. All sections share one ts.Program.
 */

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'README.md');
/** The library as the examples import it, rewritten to the sources (relative to the virtual files in test/). */
const LIB_IMPORT = new RegExp(`(from\\s+)(['"])${PACKAGE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');

interface Section {
  readonly title: string;
  /** The markdown file, for messages. */
  readonly markdown: string;
  /** Virtual file name; its line N is README line N, or blank. */
  readonly fileName: string;
  /** README lines of the first and last line of code. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The code, with the library import rewritten to the sources. */
  readonly text: string;
}

/** The ```ts blocks of `markdown`, grouped by `## ` section, laid out at their own line numbers. */
function readmeSections(markdown: string, name: string): Section[] {
  const lines = markdown.split('\n');
  const groups: { title: string; code: string[]; lineNumbers: number[] }[] = [];
  let title = '(top)';
  let group: typeof groups[number] | undefined;
  let fence: { indent: string; ts: boolean } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trim() === '```') {
        fence = undefined;
      } else if (fence.ts) {
        group!.code[i] = line.startsWith(fence.indent) ? line.slice(fence.indent.length) : line;
        group!.lineNumbers.push(i + 1);
      }
      return;
    }
    const heading = /^##\s+(.*)$/.exec(line);
    const open = /^(\s*)```\s*([\w-]*)/.exec(line);
    if (heading) {
      title = heading[1].trim();
      group = undefined;
    } else if (open) {
      fence = { indent: open[1], ts: ['ts', 'typescript'].includes(open[2]) };
      if (fence.ts && !group) {
        group = { title, code: new Array(lines.length).fill(''), lineNumbers: [] };
        groups.push(group);
      }
    }
  });
  return groups.map((g, i) => ({
    title: g.title,
    markdown: name,
    fileName: path.join(ROOT, 'test', `${name}.${i + 1}.ts`),
    firstLine: g.lineNumbers[0],
    lastLine: g.lineNumbers[g.lineNumbers.length - 1],
    text: dropRepeatedDeclarations(g.code.join('\n').replace(LIB_IMPORT, '$1$2../lib$2')),
  }));
}

/** Blanks imports and `declare const` already made earlier in the same section, keeping every line in place. */
function dropRepeatedDeclarations(text: string): string {
  const source = ts.createSourceFile('section.ts', text, ts.ScriptTarget.Latest, true);
  const seen = new Set<string>();
  let result = text;
  const blank = (node: ts.Node) => {
    const start = node.getStart(source);
    result = result.slice(0, start) + result.slice(start, node.end).replace(/[^\n]/g, ' ') + result.slice(node.end);
  };
  for (const statement of source.statements) {
    let names: string[] = [];
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      names = [
        ...(clause?.name ? [clause.name.text] : []),
        ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
        ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []),
      ].map((n) => `import ${n} from ${from}`);
    } else if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
      names = statement.declarationList.declarations.map((d) => `declare ${d.getText(source)}`);
    } else {
      continue;
    }
    if (names.length > 0 && names.every((n) => seen.has(n))) {
      blank(statement);
    }
    names.forEach((n) => seen.add(n));
  }
  return result;
}

/** Type-checks all sections with one ts.Program; returns `file:line:col message` for each diagnostic. */
function typeCheck(sections: Section[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  // Examples may leave values unused (e.g. `const g6Latency = ...`); everything else is as strict as the repository.
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, types: ['node'] };
  const byName = new Map(sections.map((s) => [s.fileName, s]));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const section = byName.get(fileName);
    return section ? ts.createSourceFile(fileName, section.text, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byName.has(fileName) || fileExists(fileName);
  const program = ts.createProgram({ rootNames: [...byName.keys()], options, host });
  return sections.flatMap((section) => {
    const file = program.getSourceFile(section.fileName)!;
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
      const { line, character } = file.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${section.markdown}:${line + 1}:${character + 1} (section "${section.title}"): ` +
        `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
}

/**
 * Values for the `declare const name: Type;` lines of the examples, by type. An example that declares a type not
 * listed here fails with a message asking for a fixture.
 */
const FIXTURES: { [type: string]: (stack: Stack, name: string) => unknown } = {
  'Stack': (stack) => stack,
  'IModel': (stack, name) => Model.fromModelName(stack, name, name),
  'App': (stack) => stack.node.root,
  's3.IBucket': (stack, name) => new s3.Bucket(stack, name, { enforceSSL: true }),
  'sns.ITopic': (stack, name) => new sns.Topic(stack, name),
  'kms.IKey': (stack, name) => new kms.Key(stack, name),
  'iam.IRole': (stack, name) => new iam.Role(stack, name, { assumedBy: new iam.AccountRootPrincipal() }),
  'iam.IGrantable': (stack, name) => new iam.Role(stack, name, { assumedBy: new iam.AccountRootPrincipal() }),
  'cloudwatch.IAlarm': (stack, name) => new cloudwatch.Alarm(stack, name, {
    metric: new cloudwatch.Metric({ namespace: 'Example', metricName: name }), threshold: 1, evaluationPeriods: 1,
  }),
};

/** Runs a section's code against a fresh stack and synthesizes it (construct validation included). */
function runSection(section: Section): Template {
  const js = ts.transpileModule(section.text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const stack = testStack();
  const declared = ts.createSourceFile('s.ts', section.text, ts.ScriptTarget.Latest, true).statements
    .filter(ts.isVariableStatement)
    .filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
    .flatMap((s) => s.declarationList.declarations)
    .map((d) => ({ name: d.name.getText(), type: d.type?.getText() ?? '?' }));
  const values = declared.map(({ name, type }) => {
    const fixture = FIXTURES[type];
    if (!fixture) {
      throw new Error(`${section.markdown} section "${section.title}": no fixture for \`declare const ${name}: ${type}\`; add one to FIXTURES in test/readme.test.ts`);
    }
    return fixture(stack, name);
  });
  const module = { exports: {} };
  // The examples' imports resolve like this test's own (`../lib` is the library sources).
  new Function('require', 'module', 'exports', ...declared.map((d) => d.name), js)(require, module, module.exports, ...values);
  // A tour may synthesize in the middle (its testing example calls Template.fromStack) and add constructs after:
  // synthesize again, explicitly, as the final state of the section. Throws on validation errors.
  const assembly = (stack.node.root as App).synth({ force: true, errorOnDuplicateSynth: false });
  return Template.fromJSON(assembly.getStackByName(stack.stackName).template);
}

describe('README.md examples', () => {
  const readme = fs.readFileSync(README, 'utf-8');
  const sections = readmeSections(readme, 'README.md');

  /** A README with a deliberate mistake, checked in the same program to prove the checker reports it. */
  const canary = readmeSections([
    '## Canary', '', '```ts', "import { App, Stack } from 'aws-cdk-lib';",
    `import { CapacityAwareEndpoint, InstanceType } from '${PACKAGE_NAME}';`, 'declare const stack: Stack;', '```', '',
    '```ts', "import { App, Stack } from 'aws-cdk-lib';", 'declare const stack: Stack;',
    "new CapacityAwareEndpoint(stack, 'E', { pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurency: 8 }] });", '```',
  ].join('\n'), 'CANARY.md');
  const diagnostics = typeCheck([...sections, ...canary]);

  test('the README has TypeScript examples, including the quick start', () => {
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.some((s) => s.text.includes('new CapacityAwareEndpoint('))).toBe(true);
  });

  test('every ```ts block type-checks against the library', () => {
    expect(diagnostics.filter((d) => d.startsWith('README.md:'))).toEqual([]);
  });

  test('a broken example is reported with its README line (repeated imports are fine)', () => {
    expect(diagnostics.filter((d) => d.startsWith('CANARY.md:'))).toEqual([
      expect.stringMatching(/^CANARY\.md:12:\d+ \(section "Canary"\): TS\d+ .*'maxConcurency' does not exist/),
    ]);
  });

  test.each(sections.map((s) => [`${s.title} (lines ${s.firstLine}-${s.lastLine})`, s] as const))(
    'section %s runs and synthesizes', (_, section) => {
      const template = runSection(section);
      expect(Object.keys(template.toJSON().Resources ?? {}).length).toBeGreaterThan(0);
    });
});
