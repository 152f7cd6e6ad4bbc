import { sightlineVersion } from '../common/version';
import { Context, describeError, Io, parse, processIo, UsageError } from './cli';
import { drift, DRIFT_OPTIONS, DRIFT_USAGE } from './commands/drift';
import { feedback, FEEDBACK_OPTIONS, FEEDBACK_USAGE } from './commands/feedback';
import { keys, KEYS_OPTIONS, KEYS_USAGE } from './commands/keys';
import { models, MODELS_USAGE } from './commands/models';
import { performance, PERFORMANCE_OPTIONS, PERFORMANCE_USAGE } from './commands/performance';
import { predict, PREDICT_OPTIONS, PREDICT_USAGE } from './commands/predict';

interface Command {
  options: Parameters<typeof parse>[1];
  usage: string;
  run(c: Context, argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  models: { options: {}, usage: MODELS_USAGE, run: models },
  predict: { options: PREDICT_OPTIONS, usage: PREDICT_USAGE, run: predict },
  feedback: { options: FEEDBACK_OPTIONS, usage: FEEDBACK_USAGE, run: feedback },
  drift: { options: DRIFT_OPTIONS, usage: DRIFT_USAGE, run: drift },
  performance: { options: PERFORMANCE_OPTIONS, usage: PERFORMANCE_USAGE, run: performance },
  keys: { options: KEYS_OPTIONS, usage: KEYS_USAGE, run: keys },
};

export const USAGE = `usage: sightline <command> [options]

  models [<name>]                 the models and their cards
  predict ...                     one row, or a CSV/NDJSON file in batches (resumable)
  feedback ...                    the true outcome of a prediction, or a CSV of them
  drift run|show|open <model>     run drift detection, show the latest report, open its page
  performance <model>             accuracy / error metrics over a window
  keys create|list|revoke         API keys

Every command takes --url (default SIGHTLINE_URL, else http://localhost:3000), --api-key (default
SIGHTLINE_API_KEY) and --json (machine-readable output); sightline <command> --help for its own.
Errors print the problem's title, detail and field errors, and exit non-zero.`;

/** Runs one command line; the exit code: 0 done, 1 failed, 2 a usage error, 130 interrupted. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(sightlineVersion());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    (name === undefined || name === '--help' || name === '-h' || name === 'help' ? io.out : io.err)(USAGE);
    return name === undefined || name === '--help' || name === '-h' || name === 'help' ? 0 : 2;
  }
  let context: Context | undefined;
  try {
    context = new Context(io, parse(rest, command.options));
    if (context.args.values.help) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(context, rest);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`sightline ${name}: ${err.message}`);
      io.err(command.usage);
      return 2;
    }
    for (const line of describeError(err, context?.url ?? '')) io.err(line);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`sightline: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
