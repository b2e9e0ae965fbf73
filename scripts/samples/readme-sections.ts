/**
 * The README's TypeScript examples as programs: every ```ts block, grouped by `## ` section. The blocks of one
 * section form one program, in README order, so a block may use what an earlier block of its section declared
 * (`stack`, `fp16`, `endpoint`...). Imports and `declare const` repeated by a later block of the same section are
 * blanked. Each section is laid out at the same line numbers as in the markdown (other lines blank), so a
 * diagnostic's line is the README line.
 */
import * as ts from 'typescript';

export interface Section {
  readonly title: string;
  /** The markdown file's name, for messages. */
  readonly markdown: string;
  /** 1-based index of the section among the sections with code. */
  readonly index: number;
  /** Markdown lines of the first and last line of code. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The code; line N is markdown line N, or blank. Imports name the package as users write it. */
  readonly text: string;
}

/**
 * A README with a mistake in its second block, after imports repeated from the first (which are
 * fine): the canary of `npm run check:samples`, and the extractor's test case.
 */
export const README_CANARY = [
  '## Canary', '', '```ts', "import { App, Stack } from 'aws-cdk-lib';",
  "import { CapacityAwareEndpoint, InstanceType } from 'cdk-sagemaker-instance-pools';", 'declare const stack: Stack;', '```', '',
  '```ts', "import { App, Stack } from 'aws-cdk-lib';", 'declare const stack: Stack;',
  "new CapacityAwareEndpoint(stack, 'E', { pools: [{ instanceType: InstanceType.ML_G6_48XLARGE, maxConcurency: 8 }] });", '```',
].join('\n');

/** The ```ts (or ```typescript) blocks of `markdown`, grouped by `## ` section. */
export function readmeSections(markdown: string, name: string): Section[] {
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
    index: i + 1,
    firstLine: g.lineNumbers[0],
    lastLine: g.lineNumbers[g.lineNumbers.length - 1],
    text: dropRepeatedDeclarations(g.code.join('\n')),
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
