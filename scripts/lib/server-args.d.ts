/** How the built server is started (see server-args.js). */
export declare const SERVER_ARGS: readonly string[];
