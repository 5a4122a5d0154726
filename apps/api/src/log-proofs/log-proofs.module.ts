import { Module } from '@nestjs/common';
import { LogProofsController } from './log-proofs.controller';

/** Merkle proofs over the log for auditors (`GET /api/log/proofs/inclusion`, `/consistency`). */
@Module({ controllers: [LogProofsController] })
export class LogProofsModule {}
