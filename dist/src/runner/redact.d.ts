export declare class Redactor {
    private readonly secrets;
    /** Register a secret and the shell variable that stands in for it. */
    add(secret: string | undefined, placeholder: string): this;
    text(value: string): string;
    headers(headers: Record<string, string>): Record<string, string>;
    /** Secret headers keep a known placeholder, or say what kind of value was sent. */
    private headerValue;
    /** Deep-copy any JSON-able value with every string redacted (for options, messages). */
    deep<T>(value: T): T;
}
