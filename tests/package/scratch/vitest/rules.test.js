// A console's unit tests under vitest, default (Node) environment.
import "./corpus-tests.js";
