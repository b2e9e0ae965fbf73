/**
 * Checks generated stack modules against the library's sources (lib/index.ts), as test/readme.test.ts does for
 * the README: type-checked with the repository's own compiler options, and run to synthesize a template.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { name as PACKAGE_NAME } from '../../../package.json';
import { testApp } from '../../util';

const ROOT = path.resolve(__dirname, '../../..');
/** The library as the generated modules import it, rewritten to the sources (relative to this directory). */
const LIB_IMPORT = new RegExp(`(from\\s+)'${PACKAGE_NAME}'`, 'g');

export function againstSources(source: string): string {
  return source.replace(LIB_IMPORT, "$1'../../../lib'");
}

/** Type-checks each module (name → source) in one program; returns `name:line:col message` per diagnostic. */
export function typeCheck(modules: Readonly<Record<string, string>>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  // As strict as the repository, unused locals and imports included: generated code must be clean.
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, types: ['node'] };
  const files = new Map(Object.entries(modules).map(([name, source]) => [path.join(__dirname, `${name}.generated.ts`), { name, text: againstSources(source) }]));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const file = files.get(fileName);
    return file ? ts.createSourceFile(fileName, file.text, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return [...files.entries()].flatMap(([fileName, file]) => {
    const sourceFile = program.getSourceFile(fileName)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((d) => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${file.name}:${line + 1}:${character + 1} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
}

/** Runs the module and synthesizes its stack (the library's validation included). */
export function synthesize(source: string, className: string): Template {
  const js = ts.transpileModule(againstSources(source), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  // The module's imports resolve like this file's own (`../../../lib` is the library sources).
  new Function('require', 'module', 'exports', js)(require, module, module.exports);
  const StackClass = module.exports[className] as new (scope: App, id: string, props: object) => Stack;
  const app = testApp();
  const stack = new StackClass(app, 'Exported', { env: { account: '111122223333', region: 'us-east-1' } });
  return Template.fromStack(stack);
}
