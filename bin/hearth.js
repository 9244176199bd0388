#!/usr/bin/env node
// The `hearth` command: runs the TypeScript CLI through tsx so `npx hearth` works without a build.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
