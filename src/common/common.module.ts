import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from './clock';
import { Sanitizer } from './sanitize/sanitizer';

@Global()
@Module({
  providers: [
    Clock,
    {
      provide: Sanitizer,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Sanitizer({ hmacKey: config.sanitize.hmacKey, fields: config.sanitize.fields }),
    },
  ],
  exports: [Clock, Sanitizer],
})
export class CommonModule {}
