// @vitest-environment jsdom
// A console's unit tests under vitest, jsdom environment.
import "./corpus-tests.js";
