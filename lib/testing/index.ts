export * from './metric-math';
export * from './target-tracking-policy';
