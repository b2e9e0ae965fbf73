#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildExampleApp } from './example-stacks';

// No tree.json: only the construct-tree views read it, and writing it is a measurable share of synth (README,
// Performance). cdk.json turns off creation stack traces too; `cdk synth --debug` brings them back.
const app = new App({ treeMetadata: false });
buildExampleApp(app);
app.synth();
