import { modulesLoadedBeforeTelemetry } from './late-start-check';

describe('modulesLoadedBeforeTelemetry', () => {
  it('names instrumented packages that were already loaded', () => {
    expect(
      modulesLoadedBeforeTelemetry([
        '/app/node_modules/express/index.js',
        '/app/node_modules/@nestjs/core/index.js',
        '/app/node_modules/pino/pino.js',
      ]),
    ).toEqual(['express', '@nestjs/core']);
  });

  it('is quiet when telemetry starts first', () => {
    expect(modulesLoadedBeforeTelemetry(['/app/node_modules/@opentelemetry/api/build/src/index.js'])).toEqual(
      [],
    );
  });
});
