declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean
    definePrepTasks(tasks: ((input: unknown) => unknown)[]): number
    learn(input: unknown, label: string): boolean
    consolidate(): boolean
    computeOdds(input: unknown): [string, number][]
    predict(input: unknown): string
    exportJSON(): string
    importJSON(json: string): boolean
  }
  const create: () => NaiveBayesTextClassifier
  export default create
}
