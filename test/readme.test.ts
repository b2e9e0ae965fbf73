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
import { README_CANARY, readmeSections, Section } from '../scripts/samples/readme-sections';
import { runTypeScript } from './typescript-module';
import { testStack } from './util';

/*
 * The README's TypeScript examples run and synthesize. Every ```ts block is run, the blocks of one `## ` section as
 * one program (scripts/samples/readme-sections.ts). That they compile against the library is checked by
 * `npm run check:samples` (scripts/check-samples.ts), a CI step of its own; here, that it finds them.
 */

const README = path.resolve(__dirname, '..', 'README.md');
/** The library as the examples import it, rewritten to the sources (relative to this file). */
const LIB_IMPORT = new RegExp(`(from\\s+)(['"])${PACKAGE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');

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
  // The examples' imports resolve like this test's own (`../lib` is the library sources).
  runTypeScript(section.text.replace(LIB_IMPORT, '$1$2../lib$2'), require, Object.fromEntries(declared.map((d, i) => [d.name, values[i]])));
  // A tour may synthesize in the middle (its testing example calls Template.fromStack) and add constructs after:
  // synthesize again, explicitly, as the final state of the section. Throws on validation errors.
  const assembly = (stack.node.root as App).synth({ force: true, errorOnDuplicateSynth: false });
  return Template.fromJSON(assembly.getStackByName(stack.stackName).template);
}

describe('README.md examples', () => {
  const readme = fs.readFileSync(README, 'utf-8');
  const sections = readmeSections(readme, 'README.md');

  test('every ```ts block is in a section, at its own line, including the quick start', () => {
    const lines = readme.split('\n');
    const blocks = lines.filter((l) => /^\s*```(ts|typescript)\s*$/.test(l)).length;
    expect(blocks).toBeGreaterThan(0);
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.some((s) => s.text.includes('new CapacityAwareEndpoint('))).toBe(true);
    for (const section of sections) {
      const code = section.text.split('\n');
      expect(code).toHaveLength(lines.length);
      // Each non-blank line of code is the README's line at the same number (repeated imports blanked).
      code.forEach((line, i) => { if (line.trim()) expect(lines[i]).toContain(line.trim()); });
      expect(code[section.firstLine - 1].trim()).not.toBe('');
    }
  });

  test('a later block of a section keeps its lines; imports and declarations it repeats are blanked', () => {
    const [canary] = readmeSections(README_CANARY, 'CANARY.md');
    const code = canary.text.split('\n');
    expect([canary.title, canary.index, canary.firstLine, canary.lastLine]).toEqual(['Canary', 1, 4, 12]);
    expect(code[3]).toBe("import { App, Stack } from 'aws-cdk-lib';");
    expect([code[9], code[10]].map((l) => l.trim())).toEqual(['', '']);
    expect(code[11]).toContain('maxConcurency: 8');
  });

  test.each(sections.map((s) => [`${s.title} (lines ${s.firstLine}-${s.lastLine})`, s] as const))(
    'section %s runs and synthesizes', (_, section) => {
      const template = runSection(section);
      expect(Object.keys(template.toJSON().Resources ?? {}).length).toBeGreaterThan(0);
    });
});
