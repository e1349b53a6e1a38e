import { detectLanguage, familyOf, type LanguageInfo } from './languages';
import { lex, type ScopeMap } from './lexer';
import { TextIndex } from './textIndex';

/** A file ready for rules: its text, language, line index and lexical scopes (computed once, lazily). */
export class SourceDocument {
  readonly language: LanguageInfo;
  private _index?: TextIndex;
  private _scopes?: ScopeMap;

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

  get scopes(): ScopeMap {
    return (this._scopes ??= lex(this.text, this.language.id));
  }

  get baseName(): string {
    return this.file.slice(this.file.lastIndexOf('/') + 1);
  }
}
