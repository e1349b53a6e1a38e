import { detectLanguage, familyOf, type LanguageInfo } from './languages';
import { lex, type ScopeMap } from './lexer';
import { TextIndex } from './textIndex';

/** A file ready for rules: its text, language, line index and lexical scopes (computed once, lazily). */
export class SourceDocument {
  readonly language: LanguageInfo;
  private _index?: TextIndex;
  private _scopes?: ScopeMap;
  private _lower?: string;

  constructor(
    /** Path relative to the scan root, forward slashes. */
    readonly file: string,
    readonly text: string,
    languageId?: string,
  ) {
    this.language = languageId ? { id: languageId, family: familyOf(languageId) } : detectLanguage(file);
  }

  get index(): TextIndex {
    return (this._index ??= new TextIndex(this.text));
  }

  /** The text in lower case (same length for the checks it serves: only whether a literal occurs). */
  get lowerText(): string {
    return (this._lower ??= this.text.toLowerCase());
  }

  get scopes(): ScopeMap {
    return (this._scopes ??= lex(this.text, this.language.id));
  }

  get baseName(): string {
    return this.file.slice(this.file.lastIndexOf('/') + 1);
  }
}
