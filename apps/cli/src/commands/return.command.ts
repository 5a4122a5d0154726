import { Command } from 'commander';
import { ReturnView } from '@bcl/domain-returns';
import { returnDocumentOf, writeReturnWorkbook } from '@bcl/quarterly-returns';
import { GlobalOptions, UsageError, report, toJson, withExistingStore } from '../cli-context';
import { writeOutputFile } from '../files';
import { ViewpointOptions, viewpointOf, withViewpointOptions } from '../viewpoint-options';
import { RETURN_WIRING, ReturnWiring } from './return-wiring';
import { checksSummary, describeChecks, describeView } from './return-text';
import { returnImportCommand } from './return-import.command';
import { checkedReturnId, checksOf, loadReturnView } from './return-reads';

interface ViewOptions extends ViewpointOptions {
  asRestated?: boolean;
}

const basisOf = (options: ViewOptions): ReturnView['basis'] =>
  options.asRestated ? 'as-restated' : 'as-submitted';

function viewCommand(name: string, description: string): Command {
  return withViewpointOptions(
    new Command(name)
      .description(description)
      .argument('<returnId>', 'the return, e.g. southend-on-sea-2016-17-q1')
      .option('--as-restated', "with later quarters' amendments of its figures (default: as submitted)"),
  );
}

/** `bcl return show|checks|export|import` (docs/cli.md, docs/quarterly-returns.files.md). */
export function returnCommand(wiring: ReturnWiring = RETURN_WIRING): Command {
  const command = new Command('return').description(
    'quarterly returns: show one, its checks, export it as a workbook or document, import one',
  );
  command.addCommand(
    viewCommand('show', 'a return as submitted (or as restated), each cell with its value and source').action(
      async (id: string, options: ViewOptions, self: Command) => {
        const globals = self.optsWithGlobals<GlobalOptions>();
        const returnId = checkedReturnId(id);
        const viewpoint = viewpointOf(options);
        const view = await withExistingStore(globals, (store) =>
          loadReturnView(wiring, store, returnId, basisOf(options), viewpoint),
        );
        const template = wiring.readReturnTemplate(view.templateVersion);
        report(globals, view, describeView(view, template));
      },
    ),
  );
  command.addCommand(
    viewCommand(
      'checks',
      "a return's checks: the template's rules (what blocks sign-off) and a reviewer's consistency findings",
    ).action(async (id: string, options: ViewOptions, self: Command) => {
      const globals = self.optsWithGlobals<GlobalOptions>();
      const returnId = checkedReturnId(id);
      const viewpoint = viewpointOf(options);
      const { view, template, checks } = await withExistingStore(globals, async (store) => {
        const view = await loadReturnView(wiring, store, returnId, basisOf(options), viewpoint);
        const template = wiring.readReturnTemplate(view.templateVersion);
        return { view, template, checks: await checksOf(wiring, store, view, template, viewpoint) };
      });
      report(
        globals,
        { returnId, version: view.version, basis: view.basis, checks },
        [
          `${returnId} version ${view.version} (${view.basis}): ${checksSummary(checks)}`,
          ...describeChecks(template, view.quarter, checks),
        ].join('\n'),
      );
    }),
  );
  command.addCommand(
    viewCommand('export', 'write a return as a workbook in the template layout (.xlsx) or a document (.json)')
      .requiredOption('--out <file>', 'where to write it: .xlsx or .json')
      .action(async (id: string, options: ViewOptions & { out: string }, self: Command) => {
        const globals = self.optsWithGlobals<GlobalOptions>();
        const returnId = checkedReturnId(id);
        const kind = /\.(xlsx|json)$/i.exec(options.out)?.[1]?.toLowerCase();
        if (!kind) throw new UsageError('--out must name a .xlsx or .json file');
        const viewpoint = viewpointOf(options);
        const view = await withExistingStore(globals, (store) =>
          loadReturnView(wiring, store, returnId, basisOf(options), viewpoint),
        );
        const template = wiring.readReturnTemplate(view.templateVersion);
        writeOutputFile(
          options.out,
          kind === 'xlsx'
            ? await writeReturnWorkbook(template, view)
            : `${toJson(returnDocumentOf(view, template), 1)}\n`,
        );
        report(
          globals,
          { returnId, version: view.version, basis: view.basis, out: options.out },
          `wrote ${returnId} version ${view.version} (${view.basis}) to ${options.out}`,
        );
      }),
  );
  command.addCommand(returnImportCommand(wiring));
  return command;
}
