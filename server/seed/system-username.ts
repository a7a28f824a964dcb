/** The user name of the account that owns the shipped examples (its own module: auth and users import it too). */
export const SYSTEM_USERNAME = 'system';
