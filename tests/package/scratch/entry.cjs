// A Node CommonJS consumer.
module.exports = require("drs-stop-rules");
