/** No writer process runs (it is starting again): the caller may do the work itself. */
export class WriterDown extends Error {}
