export * from './work';
export * from './leads';
export * from './wins';
export * from './settings';
