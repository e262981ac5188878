/** 週の計画グリッドのメッセージ(ja.ts の `planGrid`)。en と同じ形であることをコンパイラが確かめる。 */
import type { PlanGridMessages } from './plan-grid.en';

export const planGridJa: PlanGridMessages = {
  label: '週の計画',
  help: '空いている所をドラッグするとタイムボックスを追加、ボックスをドラッグすると移動、下端をドラッグすると終了時刻を変更できます。時刻は 15 分単位で、Esc でドラッグを取り消します。ボックス上では、Enter で開く、Space でタイマー開始、上下の矢印キーで 15 分移動、左右の矢印キーで 1 日移動、Shift と上下の矢印キーで終了時刻を 15 分変更します。曜日の見出しで Enter または N を押すと、{{time}} から 1 時間のボックスを追加します。',
  boxKeys: 'Enter で開く、Space でタイマー開始、矢印キーで 15 分または 1 日移動、Shift と上下の矢印キーで終了時刻を変更。',
  addHint: 'Enter または N で {{time}} から 1 時間のボックスを追加します。',
  boxLabel: '{{kind}}：{{title}}、{{when}}',
  runningLabel: '{{label}}（タイマー実行中）',
  untitled: '無題',
  range: '{{start}}〜{{end}}',
  when: '{{day}}曜 {{range}}',
  whenAcross: '{{day}}曜 {{start}}〜{{endDay}}曜 {{end}}',
  start: '{{title}} のタイマーを開始',
  actual: '枠内の記録: マーケティング {{marketing}}、営業 {{sales}}（予定 {{planned}}）。',
  changed: '{{when}} に変更しました',
  dayEnd: '0時で終了',
};
