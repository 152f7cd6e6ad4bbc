import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An API key: its SHA-256 only, never the key itself. Revoked keys stay, for the audit trail. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_api_key' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** null: every model. */
  @Column({ type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
