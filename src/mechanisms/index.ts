/** Loads every mechanism family into the registry (one import per folder). */
import './classic';
import './tie-mms';
import './stochastic';
import './bobw-few-agents';
import './bobw-mixed';
import './multipliers';
