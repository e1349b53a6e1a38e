/** An error in what the user gave us (a rule pack, a config file, the command line): the CLI exits 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly kind: 'rule' | 'config' | 'usage',
  ) {
    super(message);
    this.name = 'UserError';
  }
}
