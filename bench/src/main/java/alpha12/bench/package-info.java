/** JMH benchmarks and measurement harnesses; commands and results are in docs/benchmarks.md. */
package alpha12.bench;
