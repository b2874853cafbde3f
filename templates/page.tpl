{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{>ERRORS}}
{{#CALLOUT}}<div class="callout callout-{{KIND}}"{{#ALERT}} role="alert"{{/ALERT}}>
  {{#CALLOUT_HEADING}}<h2>{{TEXT}}</h2>{{/CALLOUT_HEADING}}
  {{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}
  {{#CALLS}}<ul class="calls">
    {{#CALL}}<li>{{#TEL}}<a class="call" href="tel:{{DIAL}}">{{NUMBER}}</a> {{/TEL}}<span class="call-label">{{LABEL}}</span>{{#NOTE}}<span class="call-note">, {{TEXT}}</span>{{/NOTE}}</li>{{/CALL}}
  </ul>{{/CALLS}}
  {{#PARAGRAPH_AFTER}}<p>{{TEXT}}</p>{{/PARAGRAPH_AFTER}}
  {{#CALLOUT_LINK}}<p><a class="button{{#SECONDARY}} secondary{{/SECONDARY}}" href="{{HREF}}">{{LABEL}}</a></p>{{/CALLOUT_LINK}}
</div>{{/CALLOUT}}
{{#LEAD}}<p class="lead">{{TEXT}}</p>{{/LEAD}}
{{#FACTS}}<dl class="facts">
  {{#FACT}}<div class="fact"><dt>{{TERM}}</dt><dd>{{VALUE}}</dd></div>{{/FACT}}
</dl>{{/FACTS}}
{{#ACTIONS}}<ul class="actions">
  {{#ACTION}}<li><a class="button{{#SECONDARY}} secondary{{/SECONDARY}}{{#DANGER}} danger{{/DANGER}}" href="{{HREF}}">{{LABEL}}</a></li>{{/ACTION}}
</ul>{{/ACTIONS}}
{{#FORM}}{{>FORM_BLOCK}}{{/FORM}}
{{#TABLE}}<section class="table-block" aria-labelledby="{{ID}}">
  <h2 id="{{ID}}"{{#VISUALLY_HIDDEN}} class="visually-hidden"{{/VISUALLY_HIDDEN}}>{{TITLE}}</h2>
  {{#EMPTY}}<p>{{TEXT}}</p>{{/EMPTY}}
  {{#ROWS}}<div class="table-wrap" tabindex="0" role="group" aria-labelledby="{{ID}}">
  <table role="table">
    <thead role="rowgroup"><tr role="row">{{#COLUMN}}<th scope="col" role="columnheader">{{TEXT}}</th>{{/COLUMN}}</tr></thead>
    <tbody role="rowgroup">
      {{BODY_ROWS:none}}
    </tbody>
  </table>
  </div>{{/ROWS}}
</section>{{/TABLE}}
{{#FORM_AFTER}}{{>FORM_BLOCK}}{{/FORM_AFTER}}
{{#PAGER}}<nav class="pager" aria-label="{{LABEL}}">
  {{#PREVIOUS}}<a href="{{HREF}}" rel="prev">{{LABEL}}</a>{{/PREVIOUS}}
  <span>{{TEXT}}</span>
  {{#NEXT}}<a href="{{HREF}}" rel="next">{{LABEL}}</a>{{/NEXT}}
</nav>{{/PAGER}}
{{#AFTER}}<p>{{TEXT}}</p>{{/AFTER}}
