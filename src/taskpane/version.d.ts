/** package.json's version, put in by webpack's DefinePlugin (webpack.config.js). */
declare const __PK_VERSION__: string;
