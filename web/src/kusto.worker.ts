// Monaco's Kusto worker (Microsoft's language service), as a worker entry of our own: importing it as a dependency
// lets the dev server pre-bundle its Bridge.NET scripts (plain scripts, not modules) like the production build does.
import '@kusto/monaco-kusto/release/esm/kusto.worker.js';
