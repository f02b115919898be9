export declare const STAMP: string;
export declare function sourceStamp(root: string, v8?: string): string;
export declare function buildIsCurrent(root: string): boolean;
