import { describe, expect, it } from 'vitest';
import { parseEdgeListText, parseNodeNames } from './edge-list.ts';
import { formatIssue } from './issues.ts';

describe('edge list reader', () => {
  it('reads SNAP and CSV lists, skipping comments, one header, self-loops and repeated pairs', () => {
    const read = parseEdgeListText('# a comment\nfrom to\n10 1\n1\t2\n\n% another\n2,10\n1 10\n3 3\n007 2 1234\n', 'g.txt');
    expect(read.issues).toEqual([]);
    // In numeric order, whatever the order in the file.
    expect(read.nodes).toEqual(['1', '2', '3', '7', '10']);
    expect(read.pairs).toEqual([[4, 0], [0, 1], [1, 4], [3, 1]]);
    expect({ selfLoops: read.selfLoops, repeats: read.repeats }).toEqual({ selfLoops: 1, repeats: 1 });
  });

  it('names the line of every malformed row', () => {
    const read = parseEdgeListText('id_1,id_2\n0,1\n1\nx,2\n2,-3\nfrom,to\n', 'edges.csv');
    expect(read.issues.map(formatIssue)).toEqual([
      'edges.csv:3: expected two node ids',
      'edges.csv:4: node ids must be whole numbers, found "x" and "2"',
      'edges.csv:5: node ids must be whole numbers, found "2" and "-3"',
      'edges.csv:6: node ids must be whole numbers, found "from" and "to"',
    ]);
  });

  it('refuses a node id above 2^53 − 1 by its line, and keeps the largest safe one exactly', () => {
    // As numbers, 9007199254740993 and 9007199254740992 are the same: the two nodes would merge.
    const read = parseEdgeListText('1 2\n9007199254740991 1\n9007199254740993 9007199254740992\n2 3\n', 'big.txt');
    expect(read.issues.map(formatIssue)).toEqual([
      'big.txt:3: node id 9007199254740993 is larger than 9007199254740991 (2^53 − 1), the largest id that is kept exactly',
    ]);
    expect(parseEdgeListText('1 2\n9007199254740991 1\n', 'ok.txt').nodes).toEqual(['1', '2', '9007199254740991']);
    const names = parseNodeNames('id,name\n9007199254740993,Too Big\n', 'names.csv');
    expect(names.issues.map(formatIssue)).toEqual([
      'names.csv:2: id: node id 9007199254740993 is larger than 9007199254740991 (2^53 − 1), the largest id that is kept exactly',
    ]);
  });

  it('refuses a file without edges', () => {
    expect(parseEdgeListText('# nothing here\n', 'empty.txt').issues.map(formatIssue)).toEqual(['empty.txt:2: no edges found']);
  });

  it('reads node names from an id,name CSV and reports bad rows by line', () => {
    const { names, issues } = parseNodeNames('id,name,ml_target\n0,Eiryyy,0\n1,"Ada, the first",1\nx,Bad,0\n3,,0\n', 'people.csv');
    expect([...names]).toEqual([['0', 'Eiryyy'], ['1', 'Ada, the first']]);
    expect(issues.map(formatIssue)).toEqual(['people.csv:4: id: "x" is not a whole number', 'people.csv:5: name: must not be empty']);
    expect(parseNodeNames('a,b\n1,2\n', 'n.csv').issues.map(formatIssue)).toEqual(['n.csv:1: the header must name an "id" and a "name" column']);
  });
});
