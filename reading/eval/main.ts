import { search } from '../search';
import { evalDir, evaluate, labelsFile, loadAllowedFacts, loadSets, report } from './evaluate';

/** `npm run eval:questions`: the reading's figures on the development sets, misses named. */
export function main(root: string): number {
  const dir = evalDir(root);
  const sets = loadSets(dir);
  if (!sets.length) {
    console.error(`No development sets in ${dir} (real-questions-dev*.jsonl); nothing to evaluate.`);
    return 2;
  }
  console.log(report(evaluate(sets, (text) => search(text), loadAllowedFacts(labelsFile(root)))));
  return 0;
}
