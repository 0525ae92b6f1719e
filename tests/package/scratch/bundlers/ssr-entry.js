// Server-side code that uses the package, bundled for Node.
import * as api from "drs-stop-rules";

export default api;
