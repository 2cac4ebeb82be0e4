import type { JSX as Spark } from 'genesys-spark-components'
import type { DefineComponent, HTMLAttributes } from 'vue'

/** Lets vue-tsc check props and events of Spark's custom elements (reference/spark.md §4). */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>
type SparkComponents = {
  [T in keyof Spark.IntrinsicElements as Pascal<T & string>]: DefineComponent<Spark.IntrinsicElements[T] & HTMLAttributes>
}
declare module 'vue' {
  interface GlobalComponents extends SparkComponents {}
}
export {}
