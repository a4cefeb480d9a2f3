// Entry point of the Functions app (package.json "main"): loading it registers every function.
// Parsing the configuration at load makes a bad setting fail the host at start, not a user's turn.
import { config } from '../config/config';
import './decision';
import './guide';
import './health';
import './messages';
import './webchat';

config();
