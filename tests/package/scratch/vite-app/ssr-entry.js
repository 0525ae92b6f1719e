// Server-side code that uses the package (Vite SSR build).
import * as api from "drs-stop-rules";

export default api;
