/**
 * A strict XML parser for the tests, over sax (which the build already installs, through svgo): throws on a
 * document that is not well-formed, and returns its elements as a tree.
 */
import { createRequire } from 'node:module';

/** An element: `{ name: 'url', attributes: { … }, children: [ … ], text: 'https://…' }`. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

interface SaxParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  onerror: (error: Error) => void;
  write(text: string): SaxParser;
  close(): void;
}

const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxParser };

/** Parses `text`; throws on any well-formedness error (sax's strict mode). */
export function parseXml(text: string): XmlElement {
  const parser = sax.parser(true);
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = ({ name, attributes }) => {
    const element = { name, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (chunk) => {
    stack.at(-1)!.text += chunk;
  };
  parser.write(text).close();
  if (root.children.length !== 1) throw new Error(`XML: ${root.children.length} root elements`);
  return root.children[0]!;
}
